/** What several areas of the English catalog use. */
export const num = (n: number) => n.toLocaleString('en-CA');
export const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
