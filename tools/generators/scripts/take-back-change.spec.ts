import { takeBackGeneratedChange } from './take-back-change';

const lines = (...text: string[]) => [...text, ''].join('\n');

const original = lines('[', "  { name: 'orders', port: 3001 },", '];');
const generated = lines('[', "  { name: 'orders', port: 3001 },", "  { name: 'zz', port: 3005 },", '];');

describe('takeBackGeneratedChange', () => {
  it('gives the original back when nobody else changed the file', () => {
    expect(takeBackGeneratedChange(original, generated, generated)).toBe(original);
  });

  it("keeps someone else's line added right next to the generated one", () => {
    const current = lines(
      '[',
      "  { name: 'orders', port: 3001 },",
      "  { name: 'catalog', port: 3004 },",
      "  { name: 'zz', port: 3005 },",
      '];',
    );
    expect(takeBackGeneratedChange(original, generated, current)).toBe(
      lines('[', "  { name: 'orders', port: 3001 },", "  { name: 'catalog', port: 3004 },", '];'),
    );
  });

  it('takes back a line the generator changed, and several blocks at once', () => {
    const before = lines("import { a } from './a';", '', "const DATABASES = { ORDERS: 'orders' } as const;");
    const after = lines(
      "import { a } from './a';",
      "import { b } from './b';",
      '',
      "const DATABASES = { ORDERS: 'orders', ZZ: 'zz' } as const;",
    );
    expect(takeBackGeneratedChange(before, after, `// edited meanwhile\n${after}`)).toBe(`// edited meanwhile\n${before}`);
  });

  it('restores a JSON list whose last entry gained a comma', () => {
    const before = lines('{', '  "a": [', '    "x"', '  ]', '}');
    const after = lines('{', '  "a": [', '    "x"', '  ],', '  "zz": [', '    "y"', '  ]', '}');
    const current = lines('{', '  "a": [', '    "x"', '  ],', '  "zz": [', '    "y"', '  ],', '  "other": [', '    "z"', '  ]', '}');
    expect(takeBackGeneratedChange(before, after, current)).toBe(
      lines('{', '  "a": [', '    "x"', '  ],', '  "other": [', '    "z"', '  ]', '}'),
    );
  });

  it('gives up when the generated lines were edited too', () => {
    expect(takeBackGeneratedChange(original, generated, generated.replace('3005', '3007'))).toBeUndefined();
  });

  it('gives up when the generated lines appear twice', () => {
    expect(takeBackGeneratedChange(original, generated, `${generated}${generated}`)).toBeUndefined();
  });
});
