// 服务大厅: the service catalogue, its search and guides, a citizen's recent and favourite services. Public entry: the
// catalogue loader, the service and the routes plugin.
export { type Catalogue, loadCatalogue } from './catalogue'
export { createHallService, type HallCopyEntry, type HallService } from './hall-service'
export { default } from './routes'
