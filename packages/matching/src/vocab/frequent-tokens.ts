// Tokens in at least 8% of real papers (scripts/count-frequent-tokens.ts): words every field
// uses, too common to tell a topic ("learning", "model", "data").
import frequentTokens from './frequent-tokens.data.json';

export const FREQUENT_TOKENS: ReadonlySet<string> = new Set(frequentTokens.tokens);
