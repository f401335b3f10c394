import { envBool, envInt, envList, envNumber, envPort, envUrl } from './env-schemas';

describe('environment schemas', () => {
  describe('envInt', () => {
    it('parses integers strictly', () => {
      expect(envInt().parse(' 42 ')).toBe(42);
      expect(envInt().safeParse('').error?.issues[0]?.message).toBe('must be an integer');
      expect(envInt().safeParse('12abc').error?.issues[0]?.message).toBe('must be an integer');
      expect(envInt().safeParse('1.5').error?.issues[0]?.message).toBe('must be an integer');
    });

    it('applies bounds', () => {
      expect(envInt({ min: 1, max: 5 }).safeParse('0').error?.issues[0]?.message).toBe(
        'Too small: expected number to be >=1',
      );
      expect(envInt({ min: 1, max: 5 }).safeParse('6').error?.issues[0]?.message).toBe(
        'Too big: expected number to be <=5',
      );
    });
  });

  describe('envNumber', () => {
    it('parses decimals strictly', () => {
      expect(envNumber().parse(' 0.25 ')).toBe(0.25);
      expect(envNumber().parse('30')).toBe(30);
      for (const text of ['', '1e3', '.5', '1.', '2 days'])
        expect(envNumber().safeParse(text).error?.issues[0]?.message).toBe('must be a number like 2 or 0.5');
    });

    it('applies bounds, including a strict lower one', () => {
      expect(envNumber({ above: 0 }).safeParse('0').error?.issues[0]?.message).toBe(
        'Too small: expected number to be >0',
      );
      expect(envNumber({ above: 0 }).parse('0.001')).toBe(0.001);
      expect(envNumber({ max: 2 }).safeParse('2.5').success).toBe(false);
    });
  });

  it('envPort accepts 0..65535', () => {
    expect(envPort().parse('0')).toBe(0);
    expect(envPort().parse('8080')).toBe(8080);
    expect(envPort().safeParse('65536').success).toBe(false);
  });

  it('envBool reads the usual spellings and rejects others', () => {
    expect(['true', 'TRUE', '1', 'yes', 'on'].map((v) => envBool().parse(v))).toEqual([true, true, true, true, true]);
    expect(['false', '0', 'No', 'off'].map((v) => envBool().parse(v))).toEqual([false, false, false, false]);
    expect(envBool().safeParse('maybe').error?.issues[0]?.message).toBe(
      'must be one of true, 1, yes, on, false, 0, no, off',
    );
  });

  it('envUrl checks the scheme when asked', () => {
    expect(envUrl(['redis', 'rediss']).parse('redis://cache:6379')).toBe('redis://cache:6379');
    expect(envUrl(['redis', 'rediss']).safeParse('http://cache').error?.issues[0]?.message).toBe(
      'must be a redis:// or rediss:// URL',
    );
    expect(envUrl().safeParse('not a url').error?.issues[0]?.message).toBe('must be a URL');
  });

  it('envList splits on commas and drops empty items', () => {
    expect(envList().parse('a, b,,c ')).toEqual(['a', 'b', 'c']);
  });
});
