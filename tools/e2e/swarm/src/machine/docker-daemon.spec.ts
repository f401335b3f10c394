import { withAdministrationPrograms } from './docker-daemon';

describe('withAdministrationPrograms', () => {
  it('adds the sbin directories a non-login PATH lacks, once, after what PATH had', () => {
    const env: NodeJS.ProcessEnv = { PATH: '/usr/local/bin:/usr/bin:/sbin' };
    withAdministrationPrograms(env);
    expect(env['PATH']).toBe('/usr/local/bin:/usr/bin:/sbin:/usr/local/sbin:/usr/sbin');
    withAdministrationPrograms(env);
    expect(env['PATH']).toBe('/usr/local/bin:/usr/bin:/sbin:/usr/local/sbin:/usr/sbin');
  });

  it('gives a PATH to an environment without one', () => {
    const env: NodeJS.ProcessEnv = {};
    withAdministrationPrograms(env);
    expect(env['PATH']).toBe('/usr/local/sbin:/usr/sbin:/sbin');
  });
});
