import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestWord, didYouMean, editDistance, SUGGEST_MAX_LENGTH } from "@parley/core";

const letters = (alphabet: string, minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength, maxLength }).map((cs) => cs.join(""));
const lower = "abcdefghijklmnopqrstuvwxyz";

/** One edit of `word`: insert, delete or substitute a letter, or swap two neighbours. */
const oneEdit = (word: string) =>
  fc
    .record({
      op: fc.constantFrom("insert", "delete", "substitute", "swap"),
      at: fc.nat({ max: word.length - 1 }),
      letter: fc.constantFrom(...lower),
    })
    .map(({ op, at, letter }) => {
      switch (op) {
        case "insert":
          return word.slice(0, at) + letter + word.slice(at);
        case "delete":
          return word.slice(0, at) + word.slice(at + 1);
        case "substitute":
          return word.slice(0, at) + letter + word.slice(at + 1);
        default:
          return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word;
      }
    })
    .filter((typo) => typo !== word);

describe("closestWord(word, candidates)", () => {
  it("suggests the candidate for any one-edit typo of it", () => {
    fc.assert(
      fc.property(
        letters(lower, 2, 30).chain((word) => fc.tuple(fc.constant(word), oneEdit(word))),
        ([word, typo]) => {
          expect(editDistance(typo, word)).toBe(1);
          expect(closestWord(typo, [word])).toBe(word);
        },
      ),
    );
  });

  it("suggests only a candidate, and one within the allowed distance of the word", () => {
    fc.assert(
      fc.property(letters("abc", 0, 12), fc.array(letters("abc", 0, 12), { maxLength: 6 }), (word, candidates) => {
        const c = closestWord(word, candidates);
        if (c === undefined) return;
        expect(candidates).toContain(c);
        expect(c).not.toBe(word);
        expect(editDistance(word, c)).toBeLessThanOrEqual(Math.max(1, Math.floor(word.length / 3)));
        // No other candidate is strictly closer.
        for (const other of candidates) if (other !== word) expect(editDistance(word, other)).toBeGreaterThanOrEqual(editDistance(word, c));
      }),
    );
  });

  it("suggests nothing for a word sharing no letter with any candidate", () => {
    fc.assert(
      fc.property(letters("abcdefghijklm", 2, 20), fc.array(letters("nopqrstuvwxyz", 1, 20), { maxLength: 6 }), (word, candidates) => {
        expect(closestWord(word, candidates)).toBeUndefined();
      }),
    );
  });

  it("suggests nothing for a word longer than SUGGEST_MAX_LENGTH, even a case-changed candidate", () => {
    fc.assert(
      fc.property(letters(lower, SUGGEST_MAX_LENGTH + 1, SUGGEST_MAX_LENGTH + 20), (word) => {
        expect(closestWord(word, [word.toUpperCase(), word.slice(1)])).toBeUndefined();
      }),
      { numRuns: 20 },
    );
  });

  it("ignores case and counts a swap of neighbours as one edit", () => {
    expect(closestWord("Boulware", ["conceder", "boulware"])).toBe("boulware");
    expect(closestWord("cta", ["cat"])).toBe("cat");
    expect(closestWord("tac", ["cat"])).toBeUndefined(); // two edits; a three-letter word allows one
    expect(editDistance("forbdi", "forbid")).toBe(1);
    expect(closestWord("forbdi", ["forbid", "then"])).toBe("forbid");
  });

  it("skips a candidate equal to the word and takes the first of equally close ones", () => {
    expect(closestWord("name", ["name"])).toBeUndefined();
    expect(closestWord("cat", ["bat", "hat"])).toBe("bat");
  });
});

describe("didYouMean(word, candidates)", () => {
  it("phrases the suggestion, or says nothing", () => {
    expect(didYouMean("nmae", ["name", "id"])).toBe(' Did you mean "name"?');
    expect(didYouMean("colour", ["id"])).toBe("");
  });
});
