import { expect, test } from "./fixtures";

test("a completed action is confirmed by a toast that can be dismissed; on a phone, scores are cards", async ({ signedIn: { person: owner, page, team } }) => {
  test.setTimeout(90_000);
  const slug = await team.createTeam(`Toast ${owner.name.split(" ")[1]}`);

  await team.submit(slug, { brand: "21.25", people: "12", insights: "14.5", relationships: "9" });
  const toast = page.getByTestId("toast");
  await expect(toast).toContainText(/Saved: SSI 56\.75 for \d{4}-\d{2}-\d{2}\./);
  await page.getByRole("button", { name: "Dismiss message" }).click();
  await expect(toast).toHaveCount(0);

  // A failed save explains itself on the form, not in a toast.
  await team.submit(slug, { brand: "26", people: "12", insights: "14.5", relationships: "9" });
  await expect(page.getByText("Establish your professional brand must be between 0 and 25.")).toBeVisible();
  await expect(toast).toHaveCount(0);

  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`/t/${slug}/scores`);
  const card = page.getByTestId("score-card");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("56.75");
  await expect(card.getByText("Brand")).toBeVisible();
  await expect(card).toContainText("21.25");
  await expect(page.getByRole("table")).toBeHidden();
  await expect(card.getByRole("button", { name: /Delete the score of/ })).toBeVisible();
});
