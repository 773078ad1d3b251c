/**
 * @module nlp/classifier/wasm-encoder
 * Just enough of the WebAssembly binary format to write one small numeric kernel in TypeScript:
 * a module that imports its memory as `env.memory` and exports one function. Instructions are
 * byte arrays built by the helpers of `op` (named after the text format: `op.f64x2Mul` is
 * `f64x2.mul`), so a kernel reads as its WAT would, and no toolchain is needed to build it.
 * Spec: https://webassembly.github.io/spec/core/binary/ (SIMD opcodes under the 0xfd prefix).
 */

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** Unsigned LEB128. */
function u32(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128. */
function s32(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

/** A memory access: log2 of the alignment, then the constant offset. */
const memarg = (align: number, offset: number): number[] => [...u32(align), ...u32(offset)];
const simd = (code: number, ...imm: number[]): number[] => [0xfd, ...u32(code), ...imm];

/** The instructions the kernels use. Blocks and loops have no result (`0x40`). */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...u32(depth)],
  brIf: (depth: number) => [0x0d, ...u32(depth)],
  localGet: (i: number) => [0x20, ...u32(i)],
  localSet: (i: number) => [0x21, ...u32(i)],
  localTee: (i: number) => [0x22, ...u32(i)],
  i32Load: (offset = 0) => [0x28, ...memarg(2, offset)],
  f32Load: (offset = 0) => [0x2a, ...memarg(2, offset)],
  f64Load: (offset = 0) => [0x2b, ...memarg(3, offset)],
  f64Store: (offset = 0) => [0x39, ...memarg(3, offset)],
  i32Const: (value: number) => [0x41, ...s32(value)],
  i32LtS: [0x48],
  i32GtS: [0x4a],
  i32Add: [0x6a],
  i32Shl: [0x74],
  f64Add: [0xa0],
  f64Mul: [0xa2],
  f64PromoteF32: [0xbb],
  v128Load: (offset = 0) => simd(0x00, ...memarg(3, offset)),
  v128Store: (offset = 0) => simd(0x0b, ...memarg(3, offset)),
  v128Load64Zero: (offset = 0) => simd(0x5d, ...memarg(2, offset)),
  f64x2Splat: simd(0x14),
  f64x2PromoteLowF32x4: simd(0x5f),
  f64x2Add: simd(0xf0),
  f64x2Mul: simd(0xf2),
};

/** A vector: its length, then its items. */
const vec = (items: readonly (readonly number[])[]): number[] => [...u32(items.length), ...items.flat()];
const section = (id: number, bytes: readonly number[]): number[] => [id, ...u32(bytes.length), ...bytes];
const name = (text: string): number[] => vec([...text].map((c) => [c.charCodeAt(0)]));

export interface WasmFunction {
  /** Exported under this name. */
  name: string;
  /** Parameter types (locals 0…params.length-1). */
  params: readonly number[];
  /** More locals, as [count, type] runs, numbered after the parameters. */
  locals: readonly (readonly [number, number])[];
  /** Instructions, without the final `end`. */
  body: readonly (readonly number[])[];
}

/**
 * The bytes of a module importing `env.memory` and exporting one function without results.
 * @example new WebAssembly.Instance(new WebAssembly.Module(wasmModule(fn)), { env: { memory } })
 */
export function wasmModule(fn: WasmFunction): Uint8Array<ArrayBuffer> {
  const code = [...vec(fn.locals.map(([count, type]) => [...u32(count), type])), ...fn.body.flat(), ...op.end];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, vec([[0x60, ...vec(fn.params.map((t) => [t])), ...vec([])]])), // type 0: params → ()
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...u32(1)]])), // memory import, ≥ 1 page
    ...section(3, vec([u32(0)])), // function 0 has type 0
    ...section(7, vec([[...name(fn.name), 0x00, ...u32(0)]])), // export function 0
    ...section(10, vec([[...u32(code.length), ...code]])),
  ]);
}
