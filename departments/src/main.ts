// Starts every stand-in department, each on its own port with its own SQLite file (seeding it first if needed).
import path from 'node:path'
import closeWithGrace from 'close-with-grace'
import { buildChurujingApp } from './churujing/app'
import { departmentOptions, POPULATION_DEPARTMENTS } from './departments'
import { buildGonganApp } from './gongan/app'
import { buildGongjijinApp } from './gongjijin/app'
import { type DepartmentApp, type DepartmentName, loadDepartmentsConfig, progressBar, seedDepartments } from './harness'
import { buildJiaoguanApp } from './jiaoguan/app'
import { buildMinzhengApp } from './minzheng/app'
import { buildRensheApp } from './renshe/app'
import { buildShichangApp } from './shichang/app'
import { buildWechatApp } from './wechat/app'
import { buildWeijianApp } from './weijian/app'
import { buildYibaoApp } from './yibao/app'

async function main() {
  const config = loadDepartmentsConfig()
  const options = departmentOptions(config)
  // One walk over the population seeds every department that needs it, before any is built.
  seedDepartments(POPULATION_DEPARTMENTS, options, progressBar(`seeding ${config.size} citizens`))
  const wechat = buildWechatApp({
    dbFile: path.join(config.dataDir, 'wechat.sqlite'),
    appId: config.wechat.appId,
    appSecret: config.wechat.secret,
    logLevel: config.logLevel,
  })
  const running: { name: DepartmentName; dept: DepartmentApp }[] = [
    { name: 'wechat', dept: wechat },
    { name: 'gongan', dept: buildGonganApp(options('gongan')) },
    { name: 'renshe', dept: buildRensheApp(options('renshe')) },
    { name: 'yibao', dept: buildYibaoApp(options('yibao')) },
    { name: 'gongjijin', dept: buildGongjijinApp(options('gongjijin')) },
    { name: 'jiaoguan', dept: buildJiaoguanApp(options('jiaoguan')) },
    { name: 'churujing', dept: buildChurujingApp(options('churujing')) },
    { name: 'weijian', dept: buildWeijianApp(options('weijian')) },
    { name: 'minzheng', dept: buildMinzhengApp(options('minzheng')) },
    { name: 'shichang', dept: buildShichangApp(options('shichang')) },
  ]
  closeWithGrace({ delay: 5000 }, async () => {
    await Promise.all(running.map(({ dept }) => dept.app.close()))
  })
  for (const { name, dept } of running) {
    const address = await dept.app.listen({ host: config.host, port: config.ports[name] })
    process.stdout.write(`department ${name} listening on ${address}\n`)
  }
}

void main()
