// Ambient types for the Taro build: asset and style imports, and the env variables Taro inlines.
/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro: affects what is bundled */
    NODE_ENV: 'development' | 'production'
    /** The platform being built */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** The mini-program appid (overrides project.config.json) */
    TARO_APP_ID?: string
    /** Base URL of the BFF; '' means same origin (H5 served by the BFF) */
    TARO_APP_API_BASE?: string
    /** Development weapp builds: the WeChat stand-in's origin (login codes from its device login); '' otherwise */
    TARO_APP_WECHAT_STAND_IN?: string
    /** The app id registered at the WeChat stand-in; '' unless TARO_APP_WECHAT_STAND_IN is set */
    TARO_APP_WECHAT_APP_ID?: string
  }
}
