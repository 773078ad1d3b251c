/**
 * @module nlp/classifier/tf-backend
 * TensorFlow.js for training the neural fallback: the WebAssembly backend (XNNPACK, SIMD), about
 * ten times faster than the pure-JavaScript one on this model's matrix products; the JavaScript
 * backend when WebAssembly cannot start. `@tensorflow/tfjs-node` (native) is not used: it needs
 * a prebuilt binary that is not available everywhere kefu runs.
 */
import type * as Tf from '@tensorflow/tfjs';

let ready: Promise<typeof Tf> | undefined;

/** TensorFlow.js with the best backend available, initialised once per process. */
export function loadTf(): Promise<typeof Tf> {
  ready ??= (async () => {
    // Required lazily: TensorFlow.js is only needed to train the optional neural fallback.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tf = require('@tensorflow/tfjs') as typeof Tf;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@tensorflow/tfjs-backend-wasm');
    try {
      if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend refused');
    } catch {
      await tf.setBackend('cpu');
    }
    await tf.ready();
    return tf;
  })();
  return ready;
}
