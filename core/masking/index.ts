export { maskResult } from './apply';
export { maskFreeText } from './freeText';
export { maskName, maskPhone } from './names';
export { MASKING_BY_ROLE, WALL_POLICY, policyFor, type MaskingPolicy } from './policy';
