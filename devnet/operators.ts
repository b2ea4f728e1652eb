/** The devnet's operators: who they are, what they run and what they charge. */

const VITAL = 1;
const MACH = 2;
const SQUAD = 4;

export interface OperatorSeed {
  name: string;
  website: string;
  description: string;
  services: number;
  commissionBps: number;
  /** ALT the operator stakes to itself. */
  selfStake: number;
  color: string;
}

export const OPERATORS: OperatorSeed[] = [
  {
    name: 'Northstar Validation',
    website: 'https://northstar.example',
    description: 'Bare-metal VITAL verifiers in three regions with 24/7 on-call.',
    services: VITAL | MACH,
    commissionBps: 500,
    selfStake: 2_500_000,
    color: '#3b82f6',
  },
  {
    name: 'Kiln Rollup Services',
    website: 'https://kiln.example',
    description: 'Enterprise staking provider running every AltLayer service.',
    services: VITAL | MACH | SQUAD,
    commissionBps: 800,
    selfStake: 4_000_000,
    color: '#f97316',
  },
  {
    name: 'Ottie Labs',
    website: 'https://ottielabs.example',
    description: 'Community operator from the Oh Ottie! collection holders.',
    services: SQUAD,
    commissionBps: 300,
    selfStake: 600_000,
    color: '#14b8a6',
  },
  {
    name: 'Restake Capital',
    website: 'https://restake.example',
    description: 'Fast-finality attestations backed by restaked ETH.',
    services: MACH,
    commissionBps: 1000,
    selfStake: 3_000_000,
    color: '#a855f7',
  },
  {
    name: 'Blockfold',
    website: 'https://blockfold.example',
    description: 'Fraud-proof specialists; open-source challenger tooling.',
    services: VITAL,
    commissionBps: 700,
    selfStake: 1_200_000,
    color: '#ef4444',
  },
  {
    name: 'Meridian Nodes',
    website: 'https://meridian.example',
    description: 'Sequencing and finality for gaming rollups.',
    services: MACH | SQUAD,
    commissionBps: 650,
    selfStake: 900_000,
    color: '#22c55e',
  },
  {
    name: 'Chorus Validation',
    website: 'https://chorus.example',
    description: 'Independent operator, ISO 27001 certified.',
    services: VITAL | SQUAD,
    commissionBps: 900,
    selfStake: 1_800_000,
    color: '#eab308',
  },
  {
    name: 'Lumen Staking',
    website: 'https://lumen.example',
    description: 'Low-commission VITAL verification.',
    services: VITAL,
    commissionBps: 200,
    selfStake: 400_000,
    color: '#06b6d4',
  },
  {
    name: 'Figment Rollups',
    website: 'https://figment-rollups.example',
    description: 'Institutional-grade infrastructure for restaked rollups.',
    services: VITAL | MACH | SQUAD,
    commissionBps: 1200,
    selfStake: 5_000_000,
    color: '#f43f5e',
  },
  {
    name: 'Cosmostation Alt',
    website: 'https://cosmostation-alt.example',
    description: 'Validator team since 2018, now sequencing AltLayer rollups.',
    services: SQUAD,
    commissionBps: 750,
    selfStake: 1_000_000,
    color: '#8b5cf6',
  },
  {
    name: 'P2P Finality',
    website: 'https://p2p-finality.example',
    description: 'MACH fast-finality operator with sub-second attestations.',
    services: MACH,
    commissionBps: 850,
    selfStake: 2_200_000,
    color: '#0ea5e9',
  },
  {
    name: 'Stakefish Rollups',
    website: 'https://stakefish-rollups.example',
    description: 'VITAL and MACH across five data centres.',
    services: VITAL | MACH,
    commissionBps: 950,
    selfStake: 2_700_000,
    color: '#f59e0b',
  },
  {
    name: 'Altitude Collective',
    website: 'https://altitude-collective.example',
    description: 'Run by Altitude campaign veterans.',
    services: VITAL | SQUAD,
    commissionBps: 400,
    selfStake: 350_000,
    color: '#10b981',
  },
  {
    name: 'Everstake Alt',
    website: 'https://everstake-alt.example',
    description: 'Staking provider for 70+ networks.',
    services: VITAL | MACH | SQUAD,
    commissionBps: 1000,
    selfStake: 3_500_000,
    color: '#6366f1',
  },
  {
    name: 'HashQuark Rollups',
    website: 'https://hashquark.example',
    description: 'Sequencers colocated with major rollup RPC providers.',
    services: SQUAD,
    commissionBps: 600,
    selfStake: 800_000,
    color: '#d946ef',
  },
  {
    name: 'Chainlayer',
    website: 'https://chainlayer.example',
    description: 'Verification nodes with public uptime dashboards.',
    services: VITAL,
    commissionBps: 550,
    selfStake: 700_000,
    color: '#84cc16',
  },
  {
    name: 'Sentinel Proofs',
    website: 'https://sentinel.example',
    description: 'Raises fraud-proof challenges within minutes of a bad state root.',
    services: VITAL,
    commissionBps: 450,
    selfStake: 500_000,
    color: '#f87171',
  },
  {
    name: 'Quicksilver MACH',
    website: 'https://quicksilver.example',
    description: 'Fast finality for DeFi rollups.',
    services: MACH,
    commissionBps: 1100,
    selfStake: 1_500_000,
    color: '#94a3b8',
  },
  {
    name: 'Polar Sequencing',
    website: 'https://polar.example',
    description: 'Shared sequencing for the SQUAD network.',
    services: SQUAD | MACH,
    commissionBps: 700,
    selfStake: 650_000,
    color: '#38bdf8',
  },
  {
    name: 'Basalt Infrastructure',
    website: 'https://basalt.example',
    description: 'Hardware security modules for every signing key.',
    services: VITAL | MACH,
    commissionBps: 1300,
    selfStake: 2_000_000,
    color: '#78716c',
  },
  {
    name: 'Harbor Node Co.',
    website: 'https://harbor.example',
    description: 'Small team, fully self-hosted.',
    services: VITAL,
    commissionBps: 250,
    selfStake: 150_000,
    color: '#0d9488',
  },
  {
    name: 'Zenith Operators',
    website: 'https://zenith.example',
    description: 'Geographically distributed VITAL, MACH and SQUAD nodes.',
    services: VITAL | MACH | SQUAD,
    commissionBps: 900,
    selfStake: 1_100_000,
    color: '#c026d3',
  },
  {
    name: 'Relay Foundry',
    website: 'https://relayfoundry.example',
    description: 'Research-driven operator publishing monthly reports.',
    services: MACH | SQUAD,
    commissionBps: 500,
    selfStake: 450_000,
    color: '#fb923c',
  },
  {
    name: 'Tidewater Staking',
    website: 'https://tidewater.example',
    description: 'Coastal data centres, renewable power.',
    services: VITAL | SQUAD,
    commissionBps: 600,
    selfStake: 550_000,
    color: '#2563eb',
  },
];

/** The operator that governance is asked to allowlist in the seeded proposals. */
export const CANDIDATE_OPERATOR: OperatorSeed = {
  name: 'Nebula Nodes',
  website: 'https://nebula.example',
  description: 'New operator applying to run VITAL verification.',
  services: VITAL,
  commissionBps: 500,
  selfStake: 300_000,
  color: '#7c3aed',
};

function initials(name: string) {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0])
    .join('');
}

/** A data: URI holding the operator's metadata JSON, so the devnet needs no web host. */
export function metadataUri(operator: OperatorSeed): string {
  const logo =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${operator.color}"/>` +
    `<text x="32" y="41" font-family="sans-serif" font-size="24" font-weight="700" fill="#fff" text-anchor="middle">${initials(operator.name)}</text></svg>`;
  const json = JSON.stringify({
    name: operator.name,
    website: operator.website,
    description: operator.description,
    logo: `data:image/svg+xml;base64,${Buffer.from(logo).toString('base64')}`,
  });
  return `data:application/json;base64,${Buffer.from(json).toString('base64')}`;
}

/** Metadata URIs that do not resolve to valid metadata, for operators whose rows must still render. */
export const BROKEN_METADATA = {
  notJson: `data:application/json;base64,${Buffer.from('{"name": "Half-written').toString('base64')}`,
  unreachable: 'https://metadata.invalid/operator.json',
};
