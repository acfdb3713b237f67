export * from './dev-mailbox/dev-mailbox';
export * from './transport/mail-transport';
export * from './render/renderer';
export * from './render/email-data.types';
export * from './render/validate-email-data';
export * from './render/sample-email-data';
export * from './message/build-message';
export * from './message/message-id';
