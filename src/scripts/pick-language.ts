// Send a first-time visitor at `/` to the help center in their browser's language, else the default.
const main = document.querySelector<HTMLElement>('[data-locales]');
if (main) {
  const available = (main.dataset.locales ?? '').split(' ');
  const wanted = navigator.languages.map((l) => l.toLowerCase());
  const match =
    wanted.map((w) => available.find((a) => a.toLowerCase() === w)).find(Boolean) ??
    wanted.map((w) => available.find((a) => a.toLowerCase() === w.split('-')[0])).find(Boolean) ??
    main.dataset.default;
  // Relative, so it also works for a site served under a path (https://example.github.io/help-center/).
  if (match) location.replace(`${match}/`);
}
