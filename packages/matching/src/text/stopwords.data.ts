// Function words dropped from topics and papers alike, so "mixture of experts" and
// "mixture-of-experts", or "RL from human feedback" and "RL with human feedback", line up.
// Content words that matter in research topics ("out", "over", "self", "non", "based" as in
// "score-based") are not here.
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'for', 'from', 'with', 'without', 'in', 'into', 'on', 'onto', 'at',
  'by', 'to', 'as', 'via', 'and', 'or', 'nor', 'but', 'is', 'are', 'was', 'were', 'be', 'been',
  'being', 'this', 'that', 'these', 'those', 'it', 'its', 'we', 'our', 'us', 'they', 'their',
  'them', 'he', 'she', 'his', 'her', 'i', 'you', 'your', 'which', 'who', 'whom', 'whose', 'what',
  'when', 'where', 'while', 'how', 'why', 'than', 'then', 'so', 'such', 'can', 'could', 'may',
  'might', 'will', 'would', 'shall', 'should', 'must', 'do', 'does', 'did', 'has', 'have', 'had',
  'not', 'no', 'also', 'both', 'each', 'either', 'neither', 'very', 'using', 'towards',
  'toward', 'about', 'among', 'between', 'through', 'during', 'upon', 'there', 'here', 'all',
  'any', 'some', 'more', 'most', 'other', 'own', 'same', 'only', 'just', 'if', 'because',
  'after', 'before', 'under', 'against', 'up', 'down', 'itself', 'themselves', 'however',
]);
