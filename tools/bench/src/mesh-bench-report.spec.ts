import { renderMeshBench } from './mesh-bench-report';
import { fakePass } from './tracing/tracing-fixtures';

describe('renderMeshBench', () => {
  it('shows the CPU ms per request of the serving service and of the mesh, and per end-to-end order', () => {
    const { results } = fakePass({
      mode: 'off',
      requestsPerSecond: 1_000,
      p99: 20,
      cpuMsPerRequest: 1.5,
      endToEndP99: 50,
      endToEndCpuMsPerOrder: 4.2,
    });
    const table = renderMeshBench(results);
    // The fixture puts half of the mesh's CPU time in orders.
    expect(table).toMatch(/^orders\s+\| POST \/orders\s+\|\s+1,000 \|.*\|\s+0\.750 \/ 1\.50 \| closed loop/m);
    expect(table).toMatch(/^mesh\s+\| POST \/orders → analytics projection \|.*\|\s+– \/ 4\.20 \| open loop/m);
    expect(table).toMatch(/^orders\s+\| resident memory after the run\s+\|.*\|\s+– \| RSS 250 MB/m);
  });
});
