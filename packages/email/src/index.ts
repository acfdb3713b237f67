export * from './dev-mailbox/dev-mailbox';
export * from './transport/mail-transport';
export * from './render/renderer';
export * from './render/shared-renderer';
export * from './render/email-data.types';
export * from './render/validate-email-data';
export * from './render/sample-email-data';
export * from './message/build-message';
export * from './message/message-id';
// A digest goes to the relay as one MIME buffer written here (raw-message.ts), and every SMTP failure is read the same way.
export { buildRawMail, type RawMail } from './message/raw-message';
export { isCrlfChecked, markCrlfChecked } from './message/wire-form';
export * from './transport/smtp-errors';
// Bounces and complaints reported after the relay accepted an email (webhooks, DSN/ARF reports, the bounce mailbox).
export * from './bounces';
