import {
  CreateMeshInbox1795588226593,
  CreateMeshOutbox1795588226592,
  IndexMeshInboxByAge1796600033689,
} from '@mesh/messaging/typeorm';

import { CreateProjections1795900000001 } from './1795900000001-create-projections';
import { CreateRollupState1795900000002 } from './1795900000002-create-rollup-state';

/** Every migration of the analytics database, the platform's outbox and inbox tables included, oldest first. */
export const analyticsMigrations = [
  CreateMeshOutbox1795588226592,
  CreateMeshInbox1795588226593,
  CreateProjections1795900000001,
  CreateRollupState1795900000002,
  IndexMeshInboxByAge1796600033689,
];
