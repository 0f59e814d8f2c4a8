// The graph view's request over LSP, on a small corpus of our own: nodes by mentions, edges weighted by the
// articles (or sentences) two entities share, the type and weight filters, the node limit, where a click goes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GRAPH_REQUEST, type GraphParams, type GraphResult } from '../../server/src/protocol';
import { type TestServer, startServer } from './lspClient';

// Our own text. Helen Price and Daniel Okafor share two articles but only one sentence; Okafor and the Severn Harbour Company
// share a sentence in each of the two.
const CORPUS: Record<string, string> = {
  'g1.txt': 'Harbour plan approved\n\nCARDIFF, June 4, 2024 - Helen Price, the mayor of the city, met Daniel Okafor of the Severn Harbour Company in Cardiff on Tuesday. Price said the harbour would reopen in spring.\n\nThe council in Newport backed the plan.\n',
  'g2.txt': 'Ports group grows\n\nBRISTOL, June 9, 2024 - The Severn Harbour Company said Daniel Okafor would lead its new office in Bristol. Helen Price, the mayor, welcomed the news.\n',
  'g3.txt': 'Rail strike ends\n\nLEEDS, July 1, 2024 - Union leader Marcus Hale said the strike was over. Hale thanked the drivers.\n',
};

describe('protocol: the graph view', () => {
  let server: TestServer;
  let folder: string;
  const graph = (params: GraphParams) => server.connection.sendRequest<GraphResult>(GRAPH_REQUEST, params);
  /** Nodes as `name type mentions/articles`, edges as `a -- b weight`: the easiest to read in a failing diff. */
  const shape = (g: GraphResult) => {
    const name = new Map(g.nodes.map((n) => [n.id, n.name]));
    return {
      nodes: g.nodes.map((n) => `${n.name} ${n.type} ${n.mentions}/${n.articles}`),
      edges: g.edges.map((e) => `${name.get(e.source)} -- ${name.get(e.target)} ${e.weight}`),
      totalEntities: g.totalEntities,
      totalEdges: g.totalEdges,
    };
  };

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-graph-'));
    for (const [name, text] of Object.entries(CORPUS)) fs.writeFileSync(path.join(folder, name), text);
    server = await startServer(folder);
    await server.indexed;
  });
  afterEach(() => server?.stop());

  it('takes the most mentioned entities as nodes and weights each pair by the articles that mention both', async () => {
    assert.deepStrictEqual(shape(await graph({})), {
      nodes: [
        'Daniel Okafor person 2/2',
        'Helen Price person 2/2',
        'Severn Harbour Company organization 2/2',
        'Bristol location 2/1',
        'Cardiff location 2/1',
        'Marcus Hale person 2/1',
        'LEEDS location 1/1',
        'Newport location 1/1',
      ],
      edges: [
        'Daniel Okafor -- Helen Price 2',
        'Daniel Okafor -- Severn Harbour Company 2',
        'Helen Price -- Severn Harbour Company 2',
        'Cardiff -- Newport 1',
        'Daniel Okafor -- Bristol 1',
        'Daniel Okafor -- Cardiff 1',
        'Daniel Okafor -- Newport 1',
        'Helen Price -- Bristol 1',
        'Helen Price -- Cardiff 1',
        'Helen Price -- Newport 1',
        'Marcus Hale -- LEEDS 1',
        'Severn Harbour Company -- Bristol 1',
        'Severn Harbour Company -- Cardiff 1',
        'Severn Harbour Company -- Newport 1',
      ],
      totalEntities: 8,
      totalEdges: 14,
    });
  });

  it('counts shared sentences instead when asked: Price and Okafor share one, Okafor and the company two', async () => {
    assert.deepStrictEqual(shape(await graph({ scope: 'sentence' })).edges, [
      'Daniel Okafor -- Severn Harbour Company 2',
      'Daniel Okafor -- Bristol 1',
      'Daniel Okafor -- Cardiff 1',
      'Daniel Okafor -- Helen Price 1',
      'Helen Price -- Cardiff 1',
      'Helen Price -- Severn Harbour Company 1',
      'Marcus Hale -- LEEDS 1',
      'Severn Harbour Company -- Bristol 1',
      'Severn Harbour Company -- Cardiff 1',
    ]);
  });

  it('filters by type and by minimum weight, and keeps the strongest part when told how many nodes and edges', async () => {
    assert.deepStrictEqual(shape(await graph({ types: ['person'] })), {
      nodes: ['Daniel Okafor person 2/2', 'Helen Price person 2/2', 'Marcus Hale person 2/1'],
      edges: ['Daniel Okafor -- Helen Price 2'],
      totalEntities: 3,
      totalEdges: 1,
    });
    assert.deepStrictEqual(shape(await graph({ minWeight: 2 })).edges, ['Daniel Okafor -- Helen Price 2', 'Daniel Okafor -- Severn Harbour Company 2', 'Helen Price -- Severn Harbour Company 2']);
    const top = shape(await graph({ nodes: 4, edges: 2 }));
    assert.deepStrictEqual(top, {
      nodes: ['Daniel Okafor person 2/2', 'Helen Price person 2/2', 'Severn Harbour Company organization 2/2', 'Bristol location 2/1'],
      // The two strongest, and Bristol's strongest (a tie broken by the entities' order), so that it is not left alone.
      edges: ['Daniel Okafor -- Helen Price 2', 'Daniel Okafor -- Severn Harbour Company 2', 'Daniel Okafor -- Bristol 1'],
      totalEntities: 8,
      // Among the four nodes, six pairs share an article.
      totalEdges: 6,
    });
  });

  it("gives each node its defining mention, where a click shows the entity's references", async () => {
    const okafor = (await graph({})).nodes.find((n) => n.name === 'Daniel Okafor')!;
    const start = server.positionOf('g1.txt', 'Daniel Okafor');
    assert.deepStrictEqual(okafor.definition, { uri: server.uri('g1.txt'), range: { start, end: { line: start.line, character: start.character + 'Daniel Okafor'.length } } });
  });

  it('follows the index: an edited article changes the counts at the next request', async () => {
    await graph({});
    await server.open('g3.txt', CORPUS['g3.txt']);
    await server.change('g3.txt', 2, CORPUS['g3.txt'].replace('Hale thanked the drivers.', 'Hale thanked Helen Price.'));
    // Helen Price, now mentioned most, comes first in each pair.
    const edges = shape(await graph({ types: ['person'], scope: 'sentence' })).edges;
    assert.deepStrictEqual(edges, ['Helen Price -- Daniel Okafor 1', 'Helen Price -- Marcus Hale 1']);
  });
});
