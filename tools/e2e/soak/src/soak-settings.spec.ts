import { retentionEnv, soakSettings } from './soak-settings';

describe('soakSettings', () => {
  it('runs ten minutes by default, with the same 30 s window however long it runs', () => {
    expect(soakSettings([])).toMatchObject({ minutes: 10, windowSeconds: 30, build: true, withoutRetention: false });
    expect(soakSettings(['--minutes', '30', '--no-build'])).toMatchObject({ windowSeconds: 30, build: false });
  });

  it('refuses what it does not understand, with the usage', () => {
    expect(() => soakSettings(['--minutes', 'ten'])).toThrow(/--minutes takes a whole number.*usage: npm run soak/);
    expect(() => soakSettings(['--minutes', '2'])).toThrow(/from 3 to 1440/);
    expect(() => soakSettings(['--fast'])).toThrow(/unknown argument --fast/);
  });
});

describe('retentionEnv', () => {
  it('derives every retention from the window, the inbox outlasting the cap plus the dead-letter window', () => {
    const env = retentionEnv(soakSettings(['--minutes', '10']));
    const seconds = (name: string, unit: number) => Math.round(Number(env[name]) * unit);
    expect(seconds('STREAM_REPLAY_WINDOW_HOURS', 3_600)).toBe(30);
    expect(seconds('STREAM_REPLAY_CAP_HOURS', 3_600)).toBe(60);
    expect(seconds('DEAD_LETTERS_KEPT_DAYS', 86_400)).toBe(30);
    expect(seconds('INBOX_KEPT_DAYS', 86_400)).toBe(90);
    expect(seconds('ORDER_FACTS_KEPT_DAYS', 86_400)).toBe(90);
    expect(env['STREAM_TRIM_INTERVAL_SECONDS']).toBe('5');
  });

  it('leaves the production retention alone with --without-retention', () => {
    expect(retentionEnv(soakSettings(['--without-retention']))).toEqual({ STREAM_TRIM_INTERVAL_SECONDS: '5' });
  });
});
