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
} as const;

/** The seed every simulator and mock starts from: one Space sharing one SINGLE and two MULTI packs. */
export function createDemoState(): SimState {
  return {
    accountId: DEMO.accountId,
    packs: [
      {
        id: DEMO.packs.orderIntake,
        name: 'Order Intake',
        description: 'Receives orders from the web shop and books them in the ERP.',
        installationType: 'SINGLE',
      },
      {
        id: DEMO.packs.invoiceSync,
        name: 'Invoice Sync',
        description: 'Sends invoices to one accounting system per instance.',
        installationType: 'MULTI',
      },
      {
        id: DEMO.packs.customerMaster,
        name: 'Customer Master Data',
        description: 'Keeps customer records in step between a CRM and the ERP.',
        installationType: 'MULTI',
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
        atoms: [{ id: 'a7c1e9f2-0b3d-4e5f-8a6b-7c8d9e0f1a01', name: 'prod-atom-01' }],
      },
      {
        id: DEMO.environments.test,
        name: 'Test',
        classification: 'TEST',
        atoms: [{ id: 'b8d2f0a3-1c4e-4f6a-9b7c-8d9e0f1a2b02', name: 'test-atom-01' }],
      },
    ],
    attachments: [],
    nextInstanceNumber: 34448,
    nextAttachmentNumber: 1,
  };
}
