import { createSpacesClient, SpacesError } from 'boomi-spaces';

/** Shows a Space's packs, then installs its first MULTI pack as "EU invoices". */
export async function installEuInvoices(jwt: string, spaceId: string) {
  const client = createSpacesClient({ token: jwt, spaceGuid: spaceId });

  const space = await client.getSpace(spaceId);
  for (const pack of space.sharedIpacks) {
    console.log(`${pack.name} (${pack.installationType})`);
  }

  const multi = space.sharedIpacks.find((pack) => pack.installationType === 'MULTI');
  if (!multi) throw new Error(`space ${space.name} shares no MULTI pack`);
  try {
    // With spaceId, the SINGLE/MULTI rules are checked before anything is installed.
    const instance = await client.installIntegrationPack({
      integrationPackId: multi.id,
      integrationPackOverrideName: 'EU invoices',
      spaceId,
    });
    console.log(`installed ${instance.id}`);
    return instance;
  } catch (error) {
    if (error instanceof SpacesError) console.error(`${error.code}: ${error.message}`);
    throw error;
  }
}
