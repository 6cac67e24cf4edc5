import vm from 'node:vm';

/** Processor time of this thread, in milliseconds: unlike wall time, it does not grow when the machine is busy. */
const cpuMs = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

/** How often an item stopped on a busy machine, before it used its budget, is tried again with more wall time. */
const retries = 4;

/**
 * Map `items` with `fn`, where each item may use at most `budgetMs(item)` of processor time: an item that uses
 * more is mapped with `onTimeout` instead, and one that never ends is stopped. Parsing is synchronous, so nothing
 * but V8 itself can stop it: a `vm` script's timeout terminates whatever runs inside it, including functions of
 * this context. That timeout counts wall time, so it is set from the share of a core this thread has been getting
 * (1.25 times the budget on an idle machine); when it still fires before the item used its budget, the item is
 * tried again with the share measured meanwhile. A budget is thus the same on a laptop and on a loaded CI machine.
 *
 * Starting that watchdog costs about a tenth of a millisecond, which adds up over 10,000 articles, so items run
 * in batches under one watchdog. An item joins a batch only while the watchdog has its whole allowance left.
 */
export function mapWithinBudget<T, R>(items: readonly T[], fn: (item: T) => R, budgetMs: (item: T) => number, onTimeout: (item: T, budgetMs: number) => R): R[] {
  const results: R[] = new Array(items.length);
  const context = vm.createContext({ run: () => {} });
  const script = new vm.Script('run()');
  let i = 0;
  let attempt = 0;
  let itemCpu = 0;
  /** Processor time per wall time lately: 1 on an idle machine, 0.25 when four processes share the core. */
  let share = 1;
  while (i < items.length) {
    const first = i;
    const wallPerCpu = 1.25 / share;
    const limit = Math.ceil(wallPerCpu * budgetMs(items[first]!));
    const started = performance.now();
    const startedCpu = cpuMs();
    // When the watchdog fires, the item `i` was stopped after `itemCpu`: never earlier than its start, so a batch
    // stopped before its next item began (a thread descheduled between two items) does not charge that item with
    // the previous one's processor time.
    itemCpu = startedCpu;
    context.run = () => {
      while (i < items.length) {
        const item = items[i]!;
        const budget = budgetMs(item);
        if (i > first && performance.now() - started + wallPerCpu * budget > limit) return;
        itemCpu = cpuMs();
        const result = fn(item);
        const done = cpuMs();
        results[i] = done - itemCpu > budget ? onTimeout(item, budget) : result;
        itemCpu = done;
        i++;
        attempt = 0;
      }
    };
    let stopped = false;
    try {
      script.runInContext(context, { timeout: limit });
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
      stopped = true;
    }
    const wall = performance.now() - started;
    // A short batch says little about the share, unless the watchdog stopped it: then its wall time is the
    // limit, and the processor time it got in that time is exactly what the next attempt needs to allow for.
    if (wall > 50 || stopped) share = Math.min(1, Math.max(0.02, (cpuMs() - startedCpu) / wall));
    if (!stopped) continue;
    const budget = budgetMs(items[i]!);
    if (cpuMs() - itemCpu < budget && attempt < retries) {
      attempt++; // starved by other processes: the same item again, given the wall time its budget needs now
      continue;
    }
    results[i] = onTimeout(items[i]!, budget);
    i++;
    attempt = 0;
  }
  return results;
}
