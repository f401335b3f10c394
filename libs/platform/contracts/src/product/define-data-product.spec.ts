import { sampleProduct } from '../testing/sample-product';
import { DEFAULT_STREAM_REPLAY } from './data-product';
import { defineDataProduct } from './define-data-product';

describe('defineDataProduct: stream replay', () => {
  const [port] = sampleProduct.definition.outputPorts.streams;
  const withReplay = (replay: { windowHours: number; capHours: number }) =>
    defineDataProduct({
      ...sampleProduct.definition,
      outputPorts: { ...sampleProduct.definition.outputPorts, streams: [{ ...port, replay }] },
    });

  it('gives a stream without a replay the default window and cap in the manifest', () => {
    expect(sampleProduct.manifest.outputPorts.streams[0].replay).toEqual(DEFAULT_STREAM_REPLAY);
  });

  it('keeps a declared replay', () => {
    expect(withReplay({ windowHours: 24, capHours: 72 }).manifest.outputPorts.streams[0].replay).toEqual({
      windowHours: 24,
      capHours: 72,
    });
  });

  it('refuses a cap shorter than the window, or an empty window, naming the stream', () => {
    expect(() => withReplay({ windowHours: 24, capHours: 12 })).toThrow(
      /output stream sample.order.v1: replay needs windowHours > 0 and capHours ≥ windowHours/,
    );
    expect(() => withReplay({ windowHours: 0, capHours: 12 })).toThrow(/sample.order.v1: replay needs/);
  });
});
