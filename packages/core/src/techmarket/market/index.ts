// 科技成果、四张清单与供需对接: the module's public functions.

export { syncAchievementIndicator } from './achievement-feed.ts';
export {
  createAchievement,
  getAchievement,
  listAchievements,
  registerAchievement,
  returnAchievement,
  submitAchievement,
  updateAchievement,
} from './achievements.ts';
export {
  addBrokerCertificate,
  addBrokerTraining,
  agencyFigures,
  createAgency,
  getBroker,
  listAgencies,
  listBrokers,
  registerBroker,
  setContractBroker,
} from './brokers.ts';
export { addToContractMonth, rebuildContractMonth } from './contract-month.ts';
export {
  addEventParticipant,
  createMarketEvent,
  dropPair,
  getMarketEvent,
  introducePair,
  linkPairContract,
  listMarketEvents,
  marketFunnel,
  signIntention,
  updateMarketEvent,
} from './events.ts';
export {
  createListing,
  getListing,
  listListings,
  publishListing,
  returnListing,
  submitListing,
  updateListing,
  withdrawListing,
} from './listings.ts';
export { matchListing } from './matches.ts';
export { enabledPacksFor, listPackSwitches, switchPack } from './packs.ts';
export { getPublicListing, searchPublicListings } from './public-search.ts';
export { chosenOptions, methodName, nearness, type RankDoc, type Ranked, RankIndex, type RankOptions } from './rank.ts';
export { contractStatsCube } from './stats-cube.ts';
export { distinctTerms, entryTerms, initialsOf, termsOf } from './text.ts';
