import { crashedBuildStep } from './crashed-build-step';

/** The classic builder's last lines, as CI printed them when Nx crashed at start-up. */
const segfault = [
  'Step 16/29 : RUN npx nx build "${APP}"',
  ' ---> Running in 5984270c47a5',
  'Segmentation fault',
  'The command \'/bin/sh -c npx nx build "${APP}"\' returned a non-zero code: 139',
].join('\n');

describe('crashedBuildStep', () => {
  it('names the step and the signal of a process that crashed', () => {
    expect(crashedBuildStep(segfault)).toEqual({
      command: '/bin/sh -c npx nx build "${APP}"',
      exitCode: 139,
      signal: 'SIGSEGV',
    });
  });

  it('is undefined for a step that failed on its own terms', () => {
    const compileError = 'error TS2304\nThe command \'/bin/sh -c npx nx build "${APP}"\' returned a non-zero code: 1';
    expect(crashedBuildStep(compileError)).toBeUndefined();
  });

  it('is undefined for a process the kernel or a timeout killed: a rebuild meets the same limit', () => {
    expect(crashedBuildStep(segfault.replace('139', '137'))).toBeUndefined();
    expect(crashedBuildStep(segfault.replace('139', '143'))).toBeUndefined();
  });

  it('is undefined for output without a failed RUN step', () => {
    expect(crashedBuildStep('unable to prepare context: unable to evaluate symlinks')).toBeUndefined();
  });
});
