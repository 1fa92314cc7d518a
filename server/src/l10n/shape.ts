/** The shape of a message bundle: the same keys as the Dutch bundle, with plain strings and functions. */
export type Shape<T> = {
  readonly [K in keyof T]: T[K] extends (...a: infer A) => string ? (...a: A) => string : T[K] extends string ? string : T[K] extends readonly string[] ? readonly string[] : Shape<T[K]>;
};
