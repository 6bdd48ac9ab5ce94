// Renders public/icons/icon.svg into the PNG icons the web app manifest names (Chromium needs
// 192 and 512 px PNGs to offer installation). Run once after changing the SVG; output is
// committed.  node scripts/pwa/make-icons.mjs
import { chromium } from '@playwright/test';
import { readFile } from 'node:fs/promises';

const svg = await readFile('public/icons/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [size, name, padding] of [[192, 'icon-192.png', 0], [512, 'icon-512.png', 0], [512, 'icon-maskable-512.png', 56]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = size - 2 * padding * (size / 512);
  await page.setContent(`<html><body style="margin:0;background:#1f3f9c;display:grid;place-items:center;width:${size}px;height:${size}px">
    <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`);
  await page.screenshot({ path: `public/icons/${name}`, omitBackground: false });
  await page.close();
}
await browser.close();
