export { type AttackOptions, type AttackReport, attackService } from './attack-service';
export { type AttackTarget, type TokenAttack, tokenAttacks } from './attack-tokens';
export {
  type AuthorizationMatrix,
  concretePath,
  type MatrixOptions,
  runAuthorizationMatrix,
  type SecuredOperation,
  securedOperations,
} from './authorization-matrix';
export { type AttackedService, describeAttacks, type DescribeAttacksOptions } from './describe-attacks';
export { type AttackAnswer, type AttackRequest, fetchFrom, injectInto, type SendRequest } from './http-sender';
export { type Flood, floodUntilRefused } from './rate-limit-flood';
