import { oneAhead } from './download.stage';

describe('oneAhead', () => {
  it('asks for the next item while the current one is being handled, and yields them all in order', async () => {
    const asked: number[] = [];
    async function* source() {
      for (let i = 1; i <= 3; i += 1) {
        asked.push(i);
        yield i;
      }
    }
    const seen: { item: number; askedWhenHandled: number[] }[] = [];
    for await (const item of oneAhead(source())) {
      await new Promise((resolve) => setImmediate(resolve));
      seen.push({ item, askedWhenHandled: [...asked] });
    }
    expect(seen).toEqual([
      { item: 1, askedWhenHandled: [1, 2] },
      { item: 2, askedWhenHandled: [1, 2, 3] },
      { item: 3, askedWhenHandled: [1, 2, 3] },
    ]);
  });

  it('hands over what came before a failure, then the failure itself', async () => {
    async function* source() {
      yield 'page 1';
      throw new Error('Wiz answered 500');
    }
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const page of oneAhead(source())) seen.push(page);
      })(),
    ).rejects.toThrow('Wiz answered 500');
    expect(seen).toEqual(['page 1']);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; ; i += 1) yield i;
      } finally {
        closed = true;
      }
    }
    for await (const item of oneAhead(source())) if (item === 2) break;
    expect(closed).toBe(true);
  });
});
