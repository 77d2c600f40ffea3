import { requireUser, type Handler } from '../../handlerTypes';
import { personalDataKeyStatus, rotatePersonalDataKey } from '../../services/keyRotation';

export const keyStatus: Handler<'personalDataKey.status'> = async (_input, { backend }) => personalDataKeyStatus(backend);

/** 系统管理 → 个人信息密钥 → 轮换密钥 (confirmed in the dialog): re-encrypts every resident, audited. */
export const rotateKey: Handler<'personalDataKey.rotate'> = async (_input, ctx) => {
  const user = requireUser(ctx);
  return rotatePersonalDataKey(ctx.backend, { userId: user.id, via: 'admin' });
};
