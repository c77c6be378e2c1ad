import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Renders public/icon.svg to the PNG icons the manifest and iOS need (Android's install
 * prompt and iOS's home screen do not take SVG). Run after changing the SVG:
 * `node --import tsx src/tools/render-icons.ts`. The maskable icon keeps the mark inside
 * the central 80 % safe zone on a full-bleed background, since launchers crop it to any
 * shape.
 */
const svg = readFileSync('public/icon.svg', 'utf8');
const background = /fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1] ?? '#0b5d3b';

const targets = [
  { file: 'public/icon-192.png', size: 192, maskable: false },
  { file: 'public/icon-512.png', size: 512, maskable: false },
  { file: 'public/icon-maskable-512.png', size: 512, maskable: true },
  { file: 'public/apple-touch-icon.png', size: 180, maskable: true },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const target of targets) {
    const page = await browser.newPage({ viewport: { width: target.size, height: target.size } });
    const inner = target.maskable ? Math.round(target.size * 0.8) : target.size;
    await page.setContent(
      `<body style="margin:0;display:grid;place-items:center;width:${target.size}px;height:${target.size}px;background:${target.maskable ? background : 'transparent'}">` +
        `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${inner}" height="${inner}"></body>`,
    );
    await page.screenshot({ path: target.file, omitBackground: !target.maskable });
    await page.close();
    console.log(`${target.file} (${target.size} px)`);
  }
} finally {
  await browser.close();
}
