// Entry point for tests that need a real process (signals, exit codes):
// node -r @swc-node/register libs/platform/service/test/main.ts
import { runService } from '../src';
import { TestAppModule } from './test-app.module';

void runService(TestAppModule.register());
