import { describe, expect, it } from 'vitest';
import { MASKING_BY_ROLE, maskFreeText, maskResult } from '../../core/masking';
import { ROLES } from '../../core/domain/roles';

describe('phone- and ID-like numbers in free text', () => {
  it.each([
    ['座机 023-67891234 一直没人接', '座机 ***-****1234 一直没人接'],
    ['请打139 8765 4321找我', '请打*** **** 4321找我'],
    ['号码+86 139 8765 4321', '号码+** *** **** 4321'],
    ['+86-13987654321', '+**-*******4321'],
    ['手机13987654321。', '手机*******4321。'],
    ['(023)6789 1234', '(***)**** 1234'],
    ['身份证500112199001011234', '身份证**************1234'],
    ['身份证 50011219900101123X 丢了', '身份证 *************1123X 丢了'],
    ['银行卡 6222 0212 3456 7890 123', '银行卡 **** **** **** ***0 123'],
    ['联系电话：67891234', '联系电话：****1234'],
  ])('masks %s', (text, masked) => {
    expect(maskFreeText(text)).toBe(masked);
  });

  it.each(['2026-12-02 下午三点', '案件 20261128-0042 的后续', '双龙大道128号3栋2单元', '罚款1500元', '12345热线', '2026年12月2日 14:30'])('leaves %s alone', (text) => {
    expect(maskFreeText(text)).toBe(text);
  });

  it('masks the same text the same way for every role that does not see personal data', () => {
    const result = { rows: [{ summary: '电话 023-67891234', reporterName: '王秀英', description: '王秀英说 139 8765 4321' }] };
    for (const role of ROLES) {
      const seen = JSON.stringify(maskResult(result, MASKING_BY_ROLE[role]));
      if (MASKING_BY_ROLE[role].residents === 'full') expect(seen).toContain('139 8765 4321');
      else expect(seen).not.toMatch(/67891234|8765|王秀英/);
    }
  });
});
