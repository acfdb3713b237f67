export * from './bounce-notice';
export * from './sns';
export * from './postmark';
export * from './sendgrid';
export * from './mailgun';
export * from './delivery-report';
export * from './bounce-mailbox';
