import { Alert, Form, Modal, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldText, problemText } from './api';

/**
 * A create/edit dialog: submits the form to `submit`, shows each field the API names in its
 * problem+json under that field (any other error above the form), and resets after success.
 */
export function FormModal<T extends Record<string, unknown>>(props: {
  open: boolean;
  title: string;
  okText?: string;
  initialValues?: Partial<T>;
  onClose: () => void;
  submit: (values: T) => Promise<void>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<string | null>(null);
  const finish = async (values: T) => {
    setError(null);
    try {
      await props.submit(values);
      form.resetFields();
      props.onClose();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const fields = (e.problem.errors ?? []).map((f) => ({
        name: f.field.split('.')[0] as any,
        errors: [fieldText(t, e.problem, f)],
      }));
      form.setFields(fields);
      // Said once: not above the form again when its one field (not one inside a list) says the
      // same words under itself.
      const said = problemText(t, e.problem);
      const one = e.problem.errors?.length === 1 && !e.problem.errors[0].field.includes('.');
      setError(one && fields[0].errors[0] === said ? null : said);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={() => {
        setError(null);
        props.onClose();
      }}
      onOk={() => form.submit()}
      okText={props.okText ?? t('common.create')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={props.initialValues} onFinish={finish}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        {props.children}
      </Form>
    </Modal>
  );
}

/** A secret the API shows once (API key, webhook signing secret), with a copy button. */
export function SecretAlert({
  secret,
  message,
  onClose,
}: {
  secret: string | null;
  message: string;
  onClose: () => void;
}) {
  if (!secret) return null;
  return (
    <Alert
      type="warning"
      showIcon
      closable
      style={{ marginBottom: 16 }}
      message={message}
      description={
        <Typography.Text copyable code data-testid="secret">
          {secret}
        </Typography.Text>
      }
      onClose={onClose}
    />
  );
}
