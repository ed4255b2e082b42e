// The field screens on simulated 3G (750 kbps down and up, 300 ms latency), in Chromium: the
// operator's first load (empty cache) and a repeat load of the task list and the visit form;
// bytes over the wire and time to the load event. Run by scripts/bench-field.sh.
// Usage: node bench-field.js PLAYWRIGHT_PACKAGE BASE_URL USER PASSWORD [RUNS]
const [, , pkg, base, user, password, runsArg] = process.argv;
const { chromium } = require(pkg);
const runs = parseInt(runsArg || "3", 10);
const kbps = 750;

async function measure(page, cdp, path) {
  let bytes = 0;
  let requests = 0;
  const onDone = (e) => { bytes += e.encodedDataLength; requests += 1; };
  cdp.on("Network.loadingFinished", onDone);
  const start = Date.now();
  await page.goto(base + path, { waitUntil: "load" });
  const ms = Date.now() - start;
  // Let late answers (the deferred scripts) be counted.
  await page.waitForTimeout(300);
  cdp.off("Network.loadingFinished", onDone);
  return { path, ms, bytes, requests };
}

(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-quic"] });
  const results = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "id-ID" });
    const page = await context.newPage();
    await page.goto(base + "/masuk");
    await page.fill("input[name=username]", user);
    await page.fill("input[name=password]", password);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/masuk")), page.click("main button[type=submit]")]);
    // The first page after sign-in warmed nothing of the field screens but the site's CSS and JS;
    // a fresh context for the measured first load keeps the cookie and empties the cache.
    const cookies = await context.cookies();
    await context.close();
    // The service worker is blocked: its own requests run outside the page's throttling and byte
    // count, so these are the figures of the network itself (a phone before the worker is installed).
    const fresh = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "id-ID", serviceWorkers: "block" });
    await fresh.addCookies(cookies);
    const p = await fresh.newPage();
    const cdp = await fresh.newCDPSession(p);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 300, downloadThroughput: kbps * 1000 / 8, uploadThroughput: kbps * 1000 / 8 });
    const first = await measure(p, cdp, "/tugas");
    const href = await p.getAttribute("main a[href^='/tugas/']", "href");
    const firstForm = await measure(p, cdp, href);
    const repeat = await measure(p, cdp, "/tugas");
    const repeatForm = await measure(p, cdp, href);
    results.push({ first, firstForm, repeat, repeatForm });
    await fresh.close();
  }
  await browser.close();
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const key of ["first", "firstForm", "repeat", "repeatForm"]) {
    const label = { first: "first load  /tugas", firstForm: "first load  visit form", repeat: "repeat load /tugas", repeatForm: "repeat load visit form" }[key];
    const ms = median(results.map((r) => r[key].ms));
    const bytes = median(results.map((r) => r[key].bytes));
    const requests = median(results.map((r) => r[key].requests));
    console.log(`${label.padEnd(24)} ${String(ms).padStart(6)} ms  ${String((bytes / 1024).toFixed(1)).padStart(7)} KB  ${requests} requests`);
  }
})().catch((e) => { console.error(e); process.exit(1); });
