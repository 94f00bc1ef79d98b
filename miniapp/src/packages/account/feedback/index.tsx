// 意见反馈: category, content and an optional phone; shows the receipt number or why it failed.
import { Text, View } from '@tarojs/components'
import { Radio, TextArea } from '@nutui/nutui-react-taro'
import { FEEDBACK_CATEGORIES } from '@ysx/shared'
import { FieldError, SubmitButton } from '../../../components/form-controls'
import { type TextFieldSpec, TextFields } from '../../../components/text-fields'
import { IntroCard } from '../../../components/intro-card'
import { type FeedbackCategory, useFeedbackForm } from '../../../hooks/use-feedback-form'
import { useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import './index.scss'
import { careClass } from '../../../hooks/use-care-mode'

const CONTACT: Array<TextFieldSpec<'contact'>> = [
  { field: 'contact', text: 'feedback.contact', max: 11, type: 'tel', labelClass: 'ysx-card__title' },
]

const isCategory = (value: unknown): value is FeedbackCategory => FEEDBACK_CATEGORIES.some((c) => c === value)

export default function Feedback() {
  usePageTitle('feedback.title')
  const t = useT()
  const form = useFeedbackForm()

  if (form.receipt) {
    return (
      <View className={`ysx-page page-feedback ${careClass()}`}>
        <View className="ysx-card page-feedback__done">
          <Text className="page-feedback__done-text">{t('feedback.received', { id: form.receipt.id })}</Text>
        </View>
      </View>
    )
  }

  return (
    <View className={`ysx-page page-feedback ${careClass()}`}>
      <IntroCard className="page-feedback__intro">{t('feedback.intro')}</IntroCard>
      <View className="ysx-card">
        <Text className="ysx-card__title">{t('feedback.category')}</Text>
        <Radio.Group
          className="page-feedback__categories"
          direction="horizontal"
          value={form.category}
          onChange={(value) => isCategory(value) && form.setCategory(value)}
        >
          {FEEDBACK_CATEGORIES.map((category) => (
            <Radio key={category} value={category}>
              {t(`feedback.categories.${category}`)}
            </Radio>
          ))}
        </Radio.Group>
      </View>
      <View className="ysx-card">
        <Text className="ysx-card__title">{t('feedback.content')}</Text>
        <TextArea
          className="page-feedback__textarea"
          value={form.content}
          onChange={form.setContent}
          placeholder={t('feedback.contentPlaceholder')}
          maxLength={form.contentMax}
          showCount
          rows={5}
          status={form.errors.content ? 'error' : 'default'}
        />
        <FieldError className="page-feedback__error" text={form.errors.content} />
      </View>
      <View className="ysx-card">
        <TextFields block="page-feedback" fields={CONTACT} form={form.inputs} />
      </View>
      {form.failure ? <Text className="page-feedback__failure">{form.failure}</Text> : null}
      <View className="page-feedback__actions">
        <SubmitButton form={form} texts="feedback" />
      </View>
    </View>
  )
}
