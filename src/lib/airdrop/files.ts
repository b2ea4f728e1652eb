/** Where the airdrop's manifest and shards are served, relative to index.html. */
export const AIRDROP_FILES = './airdrop/season-one';
