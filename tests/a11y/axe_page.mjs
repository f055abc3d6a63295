// axe_page.mjs — runs axe-core on a page in Debian's headless chromium and
// prints every violation; exits 1 if there is any.  Usage: node axe_page.mjs URL
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const url = process.argv[2];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  // This machine has no network but loopback: keep chromium from trying.
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: "load" });
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document));
  for (const v of result.violations) {
    console.log(`violation ${v.id} (${v.impact}): ${v.help}`);
    for (const n of v.nodes) console.log(`  ${n.target.join(" ")}`);
  }
  console.log(`axe-core ${result.testEngine.version}: ${result.passes.length} rules passed, ` +
              `${result.violations.length} violations, ${result.incomplete.length} to review`);
  process.exitCode = result.violations.length === 0 ? 0 : 1;
} finally {
  await browser.close();
}
