export * from './dev-mailbox/dev-mailbox';
export * from './transport/mail-transport';
