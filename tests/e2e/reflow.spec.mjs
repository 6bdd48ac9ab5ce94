// Reflow at 320 CSS pixels (WCAG 2.1 SC 1.4.10, required by BITV 2.0): no page and no step of
// either template scrolls sideways, and axe stays clean at that width.
import { test, expect } from './fixtures.mjs';
import { StartPage, WizardPage, axeViolations } from './pages.mjs';

test.use({ viewport: { width: 320, height: 720 } });

const TEMPLATES = [
  { title: 'Kooperationsvereinbarung IKPE – Kommune', steps: 7 },
  { title: 'Kooperationsvereinbarung Sozialraum (§§ 11–14, 16 SGB VIII)', steps: 7 },
];

/** How far the page reaches past the viewport, and the deepest elements that stick out. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const sticking = [];
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;
    const describe = (el) => [el.parentElement?.parentElement, el.parentElement, el].filter(Boolean).map(name).join(' > ');
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 0.5) continue;
      // Only the innermost offenders: an element whose children all fit is the cause.
      const childSticks = [...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5);
      if (!childSticks) sticking.push(`${describe(el)} „${(el.textContent ?? '').trim().slice(0, 30)}“ → ${Math.round(r.right)} px`);
    }
    return { extra: Math.max(0, document.documentElement.scrollWidth - width), sticking: sticking.slice(0, 8) };
  });
}

async function expectReflow(page, where) {
  await expect.poll(async () => overflow(page), { message: `${where}: scrolls sideways at 320 px` }).toEqual({ extra: 0, sticking: [] });
  expect(await axeViolations(page), `${where}: axe at 320 px`).toEqual([]);
}

test('the start page, privacy and accessibility pages reflow at 320 px', async ({ page }) => {
  const start = new StartPage(page);
  await start.goto();
  await expectReflow(page, 'Startseite');
  await page.getByRole('link', { name: 'Datenschutz' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Datenschutz');
  await expectReflow(page, 'Datenschutz');
  await page.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Barrierefreiheit');
  await expectReflow(page, 'Erklärung zur Barrierefreiheit');
});

for (const { title, steps } of TEMPLATES) {
  test(`every step of „${title}“ and its process page reflow at 320 px`, async ({ page }) => {
    const w = new WizardPage(page);
    const start = new StartPage(page);
    await start.goto();
    await start.startButton.click();
    await start.chooseTemplate(title);
    await expect(page).toHaveURL(/[?&]entwurf=[^&]+&schritt=1$/);
    for (let n = 1; n <= steps; n += 1) {
      if (n > 1) await w.stepNav.getByRole('link').nth(n - 1).click();
      await expect(w.progress).toHaveText(`Schritt ${n} von ${steps}`);
      await expectReflow(page, `${title}, Schritt ${n}`);
    }
    await page.getByRole('link', { name: 'Prozess und Termine' }).click();
    await expect(page.getByRole('button', { name: 'Zurück zur Vereinbarung' })).toBeVisible();
    await expectReflow(page, `${title}, Prozess und Termine`);
  });
}
