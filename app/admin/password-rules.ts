/** Campaigner passwords: long rather than complicated (a few unrelated words work well). */
export const MIN_PASSWORD_LENGTH = 12
