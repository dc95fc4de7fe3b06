/**
 * The instance listing of a large account as the platform spells it, about 280 bytes an instance:
 * the default 8 MiB answer cap holds about 30 000 of them.
 */
export function instanceListing(count: number): string {
  const pack = '{"id":"pack-0000000000000000000000000000","name":"Invoice sync","installationType":"MULTI"}';
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `instance-${String(i).padStart(8, '0')}-0000000000000000000000`;
    items.push(
      `{"id":"${id}","integrationPackId":"pack-0000000000000000000000000000","integrationPackOverrideName":"tenant ${i} of the large account","integrationPack":${pack}}`,
    );
  }
  return `{"data":{"integrationPackInstances":[${items.join(',')}]}}`;
}
