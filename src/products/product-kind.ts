import { type ProductKind, productKinds } from '../../db';

export { type ProductKind, productKinds };

/** How the API and the workspace name each kind, in Chinese and English. */
export const productKindNames: Readonly<Record<ProductKind, { zh: string; en: string }>> = {
  unsecured_consumer_loan: { zh: '个人无抵押消费贷款', en: 'Unsecured consumer loan' },
  credit_card_overdraft: { zh: '信用卡透支', en: 'Credit-card overdraft' },
  small_business_credit: { zh: '个人经营性贷款', en: 'Small-business credit' },
  secured_loan: { zh: '有抵押贷款', en: 'Secured loan' },
  other: { zh: '其他', en: 'Other' },
};
