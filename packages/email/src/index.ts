export * from './dev-mailbox/dev-mailbox';
export * from './transport/mail-transport';
export * from './render/renderer';
export * from './render/shared-renderer';
export * from './render/email-data.types';
export * from './render/validate-email-data';
export * from './render/sample-email-data';
export * from './message/build-message';
export * from './message/message-id';
// For code that writes the MIME message itself (digests: core's raw-message.ts).
export { sevenBitBytes, sevenBitMessage, wireHtml } from './message/wire-form';
// Bounces and complaints reported after the relay accepted an email (webhooks, DSN/ARF reports, the bounce mailbox).
export * from './bounces';
