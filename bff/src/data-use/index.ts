// Data use (我的数据使用记录): the record of every department call made for a citizen, and the route that shows it.
// Public entry: the service other capabilities call departments through, and the routes plugin.
export {
  createDataUseService,
  type DataUseOutcome,
  type DataUseService,
  type DepartmentCall,
  type DepartmentReader,
  type DepartmentReaders,
  type Subject,
  type TrackOptions,
} from './data-use-service'
export { default } from './routes'
export { createDataUsePersonalData, type DataUsePersonalData } from './personal-data'
