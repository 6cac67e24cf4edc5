import { stringify } from 'yaml';

/** What `kb-site init` asks for (or takes as flags). */
export interface StarterOptions {
  /** Site title. @example "Acme Help" */
  title: string;
  /** Content locales; the first one is the default locale. @example ['en', 'ja'] */
  locales: string[];
  /** Where the site will be served. @example "https://acme.github.io/help" */
  url: string;
  /** The `kb-site` dependency as npm reads it: a git URL, `file:` tarball or version range. */
  dependency: string;
  /** The npm package name of the new project. */
  packageName: string;
  /** The Node version range the project pins, as this repository does with its `node` devDependency. */
  nodeRange: string;
}

/** The welcome article, in the languages the interface speaks; other locales start from the English one. */
const welcome: Record<string, { title: string; description: string; body: string }> = {
  en: {
    title: 'Welcome',
    description: 'How this help center is written, built and published.',
    body: [
      'This is the first article of your help center. Replace it with your own.',
      '',
      '## Write an article',
      '',
      'Every article is a Markdown file under `content/<language>/<category>/`. Its URL is `/<language>/<category>/<file name>/`.',
      '',
      '1. Run `npm run new -- --lang en --category billing "Request a refund"`.',
      '2. Write the answer under the title. Start headings at `##`.',
      '3. Run `npm run dev` and open http://localhost:4321: the page reloads as you save.',
      '',
      ':::tip',
      '`npm run check` finds broken links, missing images and config mistakes before you publish.',
      ':::',
      '',
      '## Publish',
      '',
      'Push to `main`: the GitHub Pages workflow in `.github/workflows/deploy.yml` checks, builds and publishes the site.',
      '',
    ].join('\n'),
  },
  ja: {
    title: 'ようこそ',
    description: 'このヘルプセンターの書き方、ビルドと公開の方法。',
    body: [
      'ヘルプセンターの最初の記事です。内容を書き換えてください。',
      '',
      '## 記事を書く',
      '',
      '記事は `content/<言語>/<カテゴリー>/` の下の Markdown ファイルです。URL は `/<言語>/<カテゴリー>/<ファイル名>/` になります。',
      '',
      '1. `npm run new -- --lang ja --category billing --slug request-a-refund "返金を申請する"` を実行します。',
      '2. タイトルの下に回答を書きます。見出しは `##` から始めます。',
      '3. `npm run dev` を実行して http://localhost:4321 を開きます。保存するたびにページが更新されます。',
      '',
      ':::tip',
      '`npm run check` で、公開する前にリンク切れや画像の不足、設定の誤りを見つけられます。',
      ':::',
      '',
      '## 公開する',
      '',
      '`main` にプッシュすると、`.github/workflows/deploy.yml` の GitHub Pages ワークフローがチェック、ビルド、公開を行います。',
      '',
    ].join('\n'),
  },
  ko: {
    title: '환영합니다',
    description: '이 도움말 센터를 작성하고 빌드하고 게시하는 방법.',
    body: [
      '도움말 센터의 첫 번째 문서입니다. 내용을 바꿔 주세요.',
      '',
      '## 문서 작성하기',
      '',
      '문서는 `content/<언어>/<카테고리>/` 아래의 Markdown 파일입니다. URL은 `/<언어>/<카테고리>/<파일 이름>/`입니다.',
      '',
      '1. `npm run new -- --lang ko --category billing --slug request-a-refund "환불 요청하기"`를 실행합니다.',
      '2. 제목 아래에 답변을 적습니다. 제목은 `##`부터 시작합니다.',
      '3. `npm run dev`를 실행하고 http://localhost:4321 을 엽니다. 저장할 때마다 페이지가 새로 고쳐집니다.',
      '',
      ':::tip',
      '`npm run check`로 게시하기 전에 깨진 링크, 없는 이미지, 설정 오류를 찾을 수 있습니다.',
      ':::',
      '',
      '## 게시하기',
      '',
      '`main`에 푸시하면 `.github/workflows/deploy.yml`의 GitHub Pages 워크플로가 검사, 빌드, 게시를 합니다.',
      '',
    ].join('\n'),
  },
};

function welcomeArticle(locale: string): string {
  const text = welcome[locale] ?? welcome[locale.split('-')[0]!] ?? welcome.en!;
  const frontmatter = stringify({ title: text.title, description: text.description, featured: true, order: 1 }).trimEnd();
  return `---\n${frontmatter}\n---\n\n${text.body}`;
}

function siteConfig(options: StarterOptions): string {
  const config = stringify({ title: options.title, url: options.url, defaultLocale: options.locales[0] }).trimEnd();
  return `# The help center's settings. Every key is optional; the full list is in kb-site's docs/customizing.md.
${config}

# Labels for the language switcher, per locale:
# locales:
#   ja: { label: 日本語, title: ヘルプセンター }

# Your logo, accent colour and home page words (paths are relative to this file):
# brand:
#   logo: brand/logo.svg
#   accent: "#0b6e4f"
#   hero:
#     ${options.locales[0]}: How can we help?

# Links in the footer, with a label per locale or one for all:
# footer:
#   links:
#     - { label: Status, href: "https://status.example.com" }

# Any interface text, per locale (the keys are listed in docs/customizing.md):
# strings:
#   ${options.locales[0]}:
#     search.placeholder: Search our guides…

# Your own stylesheet, loaded after the built-in one:
# customCss: [styles/custom.css]
`;
}

const gitignore = `node_modules/
dist/
.kb-cache/
.astro/
*.sqlite
*.sqlite-*
`;

const deployWorkflow = `# Build the help center and publish dist/ to GitHub Pages on every push to main.
# Settings → Pages → Source: "GitHub Actions". The site's address (https://<user>.github.io/<repository>, or
# your custom domain) comes from Pages itself and overrides \`url:\` in kb.config.yml.
name: Deploy help center
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: true
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # full history: "last updated" dates come from git
      - uses: actions/setup-node@v4
        with:
          node-version: 24
      - run: npm install --no-audit --no-fund
      - run: npm run check
      - id: pages
        uses: actions/configure-pages@v5
      - run: npm run build
        env:
          KB_SITE_URL: \${{ steps.pages.outputs.base_url }}
      - uses: actions/upload-pages-artifact@v3
        with:
          path: dist
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;

function packageJson(options: StarterOptions): string {
  const pkg = {
    name: options.packageName,
    private: true,
    type: 'module',
    scripts: { dev: 'kb-site dev', build: 'kb-site build', preview: 'kb-site preview', check: 'kb-site check', new: 'kb-site new', search: 'kb-site search' },
    dependencies: { 'kb-site': options.dependency },
    // npm puts this Node on the scripts' PATH: kb-site runs on Node 24 whatever the machine has.
    devDependencies: { node: options.nodeRange },
    engines: { node: '>=24' },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function readme(options: StarterOptions): string {
  return `# ${options.title}

The help center's articles, built with kb-site.

\`\`\`bash
npm install
npm run dev        # live preview at http://localhost:4321
npm run check      # broken links, images and config mistakes
npm run build      # the static site in dist/
\`\`\`

Articles live in \`content/<language>/<category>/<slug>.md\`; settings in \`kb.config.yml\`.
`;
}

/** Every file of a new content repository, by its path in it. */
export function starterFiles(options: StarterOptions): Record<string, string> {
  return {
    'package.json': packageJson(options),
    'kb.config.yml': siteConfig(options),
    '.gitignore': gitignore,
    '.github/workflows/deploy.yml': deployWorkflow,
    'README.md': readme(options),
    ...Object.fromEntries(options.locales.map((locale) => [`content/${locale}/getting-started/welcome.md`, welcomeArticle(locale)])),
  };
}
