import { wasmModule, op, I32, F64 } from '../../../../src/nlp/classifier/wasm-encoder';

describe('wasmModule', () => {
  it('should encode a function that runs on the imported memory', () => {
    // f(at, n): if n < 1000, f64 at `at` += (f64 at `at + 8`) × (f32 at address i32[n / 4]); constants of several LEB128 bytes.
    const bytes = wasmModule({
      name: 'f',
      params: [I32, I32],
      locals: [[1, F64]],
      body: [
        op.localGet(0), op.f64Load(8), op.localSet(2),
        op.localGet(1), op.i32Const(1000), op.i32LtS, op.if,
        op.localGet(0), op.i32Const(-300), op.i32Add, op.i32Const(300), op.i32Add,
        op.localGet(0), op.f64Load(), op.localGet(2), op.localGet(1), op.i32Const(0), op.i32Shl, op.i32Load(0),
        op.f32Load(), op.f64PromoteF32, op.f64Mul, op.f64Add, op.f64Store(),
        op.end,
      ],
    });
    expect(WebAssembly.validate(bytes)).toBe(true);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const f = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports.f as (at: number, n: number) => void;
    const f64 = new Float64Array(memory.buffer);
    const i32 = new Int32Array(memory.buffer);
    const f32 = new Float32Array(memory.buffer);
    f64[100] = 1.5;
    f64[101] = 2.25;
    // n = 16: i32[4] holds the address of an f32 2, so the term is 2.25 × 2.
    i32[4] = 4096;
    f32[1024] = 2;
    f(800, 16);
    expect(f64[100]).toBe(1.5 + 2.25 * 2);
    f(800, 5000);
    expect(f64[100]).toBe(1.5 + 2.25 * 2);
  });
});
