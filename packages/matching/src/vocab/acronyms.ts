// Lookup of the alias table by the acronym in lower case ("moe" → the MoE entry).
import { ALIASES, type AliasEntry } from './aliases.data';

export const ACRONYMS: ReadonlyMap<string, AliasEntry> = new Map(
  ALIASES.map((entry) => [entry.acronym.toLowerCase(), entry]),
);
