import type { SimState } from './state.js';

/** Ids of the demo data, for tests and the demo walk-through. */
export const DEMO = {
  accountId: 'demo-account',
  username: 'demo@example.com',
  apiToken: 'demo-token',
  spaceId: '2da77d1f-bbd4-4066-9d0e-5d0c3a1f7b21',
  accountGroupId: '7f3e2b1c-4a5d-4e6f-8a9b-0c1d2e3f4a5b',
  packs: {
    orderIntake: 'c0523638-0838-40e1-bd53-4c1b0a9e8f10',
    invoiceSync: '5b8e0a52-1f3c-4c2e-9a61-2f7d9c4e3b20',
    customerMaster: 'e4f1c2d3-6b7a-4f8e-9d0c-1a2b3c4d5e30',
    unsharedArchive: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c40',
  },
  environments: {
    prod: '0d2f6c1e-3b4a-4c5d-8e9f-a0b1c2d3e4f1',
    test: '1e3a7d2f-4c5b-4d6e-9fa0-b1c2d3e4f5a2',
  },
  atoms: {
    prod: 'a7c1e9f2-0b3d-4e5f-8a6b-7c8d9e0f1a01',
    test: 'b8d2f0a3-1c4e-4f6a-9b7c-8d9e0f1a2b02',
  },
  /** The processes of the packs, as the publisher made them (MULTI instances get their own ids). */
  processes: {
    orderImport: '3f1e2d3c-4b5a-4968-8776-655443322110',
    invoiceExport: '4a2f3e4d-5c6b-4a79-9887-766554433221',
    invoiceStatus: '5b3a4f5e-6d7c-4b8a-8998-877665544332',
    customerSync: '6c4b5a6f-7e8d-4c9b-9aa9-988776655443',
  },
} as const;

/**
 * The seed every simulator and mock starts from: one Space sharing one SINGLE and two MULTI packs.
 *
 * @example
 * ```ts
 * const platform = new SpacesPlatform(createDemoState());
 * platform.spaces().map((space) => space.id); // [DEMO.spaceId]
 * ```
 */
export function createDemoState(): SimState {
  return {
    accountId: DEMO.accountId,
    packs: [
      {
        id: DEMO.packs.orderIntake,
        name: 'Order Intake',
        description: 'Receives orders from the web shop and books them in the ERP.',
        installationType: 'SINGLE',
        // A SINGLE pack has nothing to extend: processes only.
        definition: {
          processes: [{ id: DEMO.processes.orderImport, name: 'Order import' }],
          connections: [],
          processProperties: [],
        },
      },
      {
        id: DEMO.packs.invoiceSync,
        name: 'Invoice Sync',
        description: 'Sends invoices to one accounting system per instance.',
        installationType: 'MULTI',
        definition: {
          processes: [
            { id: DEMO.processes.invoiceExport, name: 'Invoice export' },
            { id: DEMO.processes.invoiceStatus, name: 'Invoice status import' },
          ],
          connections: [
            {
              id: 'c1d2e3f4-0a1b-4c2d-8e3f-5a6b7c8d9e01',
              name: 'SFTP',
              fields: [
                { id: 'host', required: true },
                { id: 'port', default: '22' },
                { id: 'user' },
                { id: 'directory', default: '/outbound/invoices' },
                { id: 'password', encrypted: true },
              ],
            },
          ],
          processProperties: [
            {
              id: 'd2e3f4a5-1b2c-4d3e-9f4a-6b7c8d9e0f02',
              name: 'Invoice settings',
              properties: [
                { key: 'f3a4b5c6-2c3d-4e4f-8a5b-7c8d9e0f1a03', label: 'Batch size', default: '100' },
                { key: 'a4b5c6d7-3d4e-4f5a-9b6c-8d9e0f1a2b04', label: 'Currency', default: 'EUR' },
                { key: 'b5c6d7e8-4e5f-4a6b-8c7d-9e0f1a2b3c05', label: 'Archive after export', default: 'true' },
              ],
            },
          ],
        },
      },
      {
        id: DEMO.packs.customerMaster,
        name: 'Customer Master Data',
        description: 'Keeps customer records in step between a CRM and the ERP.',
        installationType: 'MULTI',
        definition: {
          processes: [{ id: DEMO.processes.customerSync, name: 'Customer sync' }],
          connections: [
            {
              id: 'e6f7a8b9-5f6a-4b7c-9d8e-0f1a2b3c4d06',
              name: 'CRM (OAuth 2.0)',
              fields: [{ id: 'url', required: true, default: 'https://crm.example.com/api' }],
              oauth: {
                baseURL: 'https://crm.example.com/oauth2',
                clientId: 'boomi-spaces-demo',
                companyId: 'demo',
                scope: 'customers.read customers.write',
              },
            },
          ],
          processProperties: [],
        },
      },
      {
        id: DEMO.packs.unsharedArchive,
        name: 'Legacy Archive',
        description: 'Known to the account group but not shared with the demo Space.',
        installationType: 'SINGLE',
      },
    ],
    spaces: [
      {
        id: DEMO.spaceId,
        name: 'Demo_Space',
        description: 'Integration packs shared with the demo account group.',
        createdDate: '2026-11-03 08:43:50.0',
        createdByAccountId: DEMO.accountId,
        modifiedDate: '2026-11-03 08:43:50.0',
        modifiedByAccountId: DEMO.accountId,
        url: `https://api.space-service.example.boomi.com?guid=${DEMO.spaceId}`,
        sharedPackIds: [DEMO.packs.orderIntake, DEMO.packs.invoiceSync, DEMO.packs.customerMaster],
        accountGroup: { id: DEMO.accountGroupId, name: 'Demo account group' },
        theme: { logoUrl: null, logoAltTxt: 'Demo logo' },
      },
    ],
    instances: [],
    environments: [
      {
        id: DEMO.environments.prod,
        name: 'Production',
        classification: 'PROD',
        atoms: [{ id: DEMO.atoms.prod, name: 'prod-atom-01' }],
      },
      {
        id: DEMO.environments.test,
        name: 'Test',
        classification: 'TEST',
        atoms: [{ id: DEMO.atoms.test, name: 'test-atom-01' }],
      },
    ],
    attachments: [],
    schedules: {},
    executions: [],
    accounts: [
      { id: 'acme-EU4711', name: 'Acme Europe' },
      { id: 'acme-US0815', name: 'Acme Americas' },
      { id: 'globex-AB1234', name: 'Globex' },
    ],
    deletedSpaceIds: [],
    nextInstanceNumber: 34448,
    nextAttachmentNumber: 1,
  };
}
