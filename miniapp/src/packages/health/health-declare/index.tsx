// 健康申报 / 行程申报: two segments, each checked against the contract before it is sent; afterwards the colour the
// declaration led to, and back to the code.
import { Fragment, useEffect, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Button, Checkbox, Radio } from '@nutui/nutui-react-taro'
import { SYMPTOMS } from '@ysx/shared'
import { DivisionPicker } from '../../../components/division-picker'
import { FieldError, SubmitButton } from '../../../components/form-controls'
import { type TextFieldSpec, TextFields } from '../../../components/text-fields'
import { HealthColourBlock } from '../../../components/health-colour'
import { type DeclareKind, type Symptom, useDeclareForm } from '../../../hooks/use-declare-form'
import { backToCode } from '../../../hooks/use-health-code'
import { useHolder } from '../../../hooks/use-holder'
import { useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import type { DeclarationAccepted, Holder } from '../../../services/health-code'
import './index.scss'
import { careClass } from '../../../hooks/use-care-mode'

const KINDS: DeclareKind[] = ['health', 'trip']
/** A field under its card's title, its input marked with the field's name. */
const titled = (field: string) => ({ labelClass: 'ysx-card__title', inputClass: `page-health-declare__${field}` })
const TEMPERATURE: Array<TextFieldSpec<'temperature'>> = [
  { field: 'temperature', text: 'healthCode.declare.temperature', max: 4, type: 'digit', ...titled('temperature') },
]
/** The trip's two dates, each with its own class on the date box. */
const DATES = [
  { field: 'departedOn', modifier: 'departed' },
  { field: 'returnedOn', modifier: 'returned' },
] as const
/** Seconds the result stays before the page returns to the code by itself. */
const BACK_AFTER_SECONDS = 5

const isSymptom = (value: string): value is Symptom => SYMPTOMS.some((s) => s === value)

function Done({ result, holder }: { result: DeclarationAccepted; holder: Holder }) {
  const t = useT()
  const [seconds, setSeconds] = useState(BACK_AFTER_SECONDS)
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s - 1), 1000)
    return () => clearInterval(timer)
  }, [])
  useEffect(() => {
    if (seconds <= 0) backToCode(holder)
  }, [seconds, holder])
  return (
    <View className="ysx-card page-health-declare__done">
      <Text className="page-health-declare__done-title">{t('healthCode.declare.done')}</Text>
      <Text className="page-health-declare__label">{t('healthCode.declare.resultColour')}</Text>
      <HealthColourBlock colour={result.status.colour} className="page-health-declare__colour" />
      <Text className="page-health-declare__note page-health-declare__id">
        {t('healthCode.declare.declarationId', { id: result.declarationId })}
      </Text>
      <Text className="page-health-declare__note">
        {t('healthCode.declare.backIn', { seconds: Math.max(0, seconds) })}
      </Text>
      <Button
        type="primary"
        block
        size="large"
        className="page-health-declare__back"
        onClick={() => backToCode(holder)}
      >
        {t('healthCode.declare.back')}
      </Button>
    </View>
  )
}

export default function HealthDeclare() {
  usePageTitle('healthCode.declare.title')
  const t = useT()
  const holder = useHolder()
  const form = useDeclareForm(holder)

  if (form.result) {
    return (
      <View className={`ysx-page page-health-declare ${careClass()}`}>
        <Done result={form.result} holder={holder} />
      </View>
    )
  }

  return (
    <View className={`ysx-page page-health-declare ${careClass()}`}>
      <View className="page-health-declare__tabs">
        {KINDS.map((k) => (
          <Text
            key={k}
            className={`page-health-declare__tab page-health-declare__tab--${k}${form.kind === k ? ' page-health-declare__tab--active' : ''}`}
            onClick={() => form.setKind(k)}
          >
            {t(`healthCode.declare.tabs.${k}`)}
          </Text>
        ))}
      </View>

      {form.kind === 'health' ? (
        <>
          <View className="ysx-card">
            <TextFields block="page-health-declare" fields={TEMPERATURE} form={form.inputs} />
          </View>
          <View className="ysx-card">
            <Text className="ysx-card__title">{t('healthCode.declare.symptoms')}</Text>
            <Checkbox.Group
              className="page-health-declare__symptoms"
              value={form.health.symptoms}
              onChange={(values) => form.setHealth({ symptoms: values.filter(isSymptom) })}
            >
              {SYMPTOMS.map((s) => (
                <Checkbox
                  key={s}
                  className={`page-health-declare__symptom page-health-declare__symptom--${s}`}
                  value={s}
                  label={t(`healthCode.declare.symptomNames.${s}`)}
                />
              ))}
            </Checkbox.Group>
          </View>
          <View className="ysx-card">
            <Text className="ysx-card__title">{t('healthCode.declare.closeContact')}</Text>
            <Radio.Group
              className="page-health-declare__contact"
              direction="horizontal"
              value={form.health.closeContact === null ? '' : String(form.health.closeContact)}
              onChange={(value) => form.setHealth({ closeContact: value === 'true' })}
            >
              <Radio className="page-health-declare__contact--no" value="false">
                {t('healthCode.declare.no')}
              </Radio>
              <Radio className="page-health-declare__contact--yes" value="true">
                {t('healthCode.declare.yes')}
              </Radio>
            </Radio.Group>
            <FieldError className="page-health-declare__error" text={form.errors.closeContact} />
          </View>
        </>
      ) : (
        <View className="ysx-card">
          <DivisionPicker
            block="page-health-declare"
            scope="trip"
            value={form.trip.destination}
            onChange={(destination) => form.setTrip({ destination })}
            error={form.errors.destination}
            titleClass="ysx-card__title"
            labels={{
              title: t('healthCode.declare.destination'),
              first: t('healthCode.declare.destinationCity'),
              second: t('healthCode.declare.destinationDistrict'),
              pickFirst: t('healthCode.declare.pickDestinationCity'),
              pickSecond: t('healthCode.declare.pickDestinationDistrict'),
              wholeCity: t('healthCode.declare.wholeCity'),
            }}
          />
          {DATES.map(({ field, modifier }) => (
            <Fragment key={field}>
              <Text className="ysx-card__title page-health-declare__second">{t(`healthCode.declare.${field}`)}</Text>
              <Picker
                mode="date"
                value={form.trip[field]}
                start={form.earliest}
                end={form.today}
                onChange={(e) => form.setTrip({ [field]: String(e.detail.value) })}
              >
                <View className={`page-health-declare__date page-health-declare__${modifier}`}>
                  {form.trip[field] || t('healthCode.declare.pickDate')}
                </View>
              </Picker>
              <FieldError className="page-health-declare__error" text={form.errors[field]} />
            </Fragment>
          ))}
          <Text className="page-health-declare__note">{t('healthCode.declare.tripHint')}</Text>
        </View>
      )}

      <Text className="page-health-declare__promise">{t('healthCode.declare.promise')}</Text>
      {form.failure ? <Text className="page-health-declare__failure">{form.failure}</Text> : null}
      <View className="page-health-declare__actions">
        <SubmitButton className="page-health-declare__submit" form={form} texts="healthCode.declare" />
      </View>
    </View>
  )
}
